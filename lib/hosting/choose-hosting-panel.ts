import type { HostingPanel } from "./hosting-panel";

/** WHM when configured, the sandbox panel otherwise. Built by the hosting-panel work in progress. */
export function chooseHostingPanel(): HostingPanel {
  throw new Error("The hosting panel adapters are not built yet.");
}
