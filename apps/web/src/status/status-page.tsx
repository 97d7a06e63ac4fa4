import { SelfTestPanel } from "./self-test-panel";
import { SystemOverview } from "./system-overview";

export function StatusPage() {
  return (
    <section aria-labelledby="status-title" data-testid="status-page">
      <h1 id="status-title">Status</h1>
      <p className="lead">
        Whether this Vitae installation can serve requests, and a way to prove it end to end.
      </p>
      <SystemOverview />
      <SelfTestPanel />
    </section>
  );
}
