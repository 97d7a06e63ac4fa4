import { router } from "../../trpc/init";
import { selfTestProcedure, selfTestResultProcedure } from "./self-test";
import { selfTestProgressProcedure } from "./self-test-progress";
import { statusProcedure } from "./status";

/** Operator diagnostics: dependency readiness and a round trip through the worker. */
export const systemRouter = router({
  status: statusProcedure,
  selfTest: selfTestProcedure,
  selfTestResult: selfTestResultProcedure,
  selfTestProgress: selfTestProgressProcedure,
});
