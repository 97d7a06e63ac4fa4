export { type Plan, plans } from "@vitae/contracts";
