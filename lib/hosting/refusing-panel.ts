import { HostingPanelError, type HostingPanel } from "./hosting-panel";

/**
 * A panel that does nothing: what chooseHostingPanel installs when the configuration would pretend
 * accounts exist where none do (the sandbox in production on PostgreSQL, not asked for). Every call
 * answers "panel unavailable", so provisioning leaves services "pending" with the reason for staff.
 */
export function createRefusingPanel(why: string): HostingPanel {
  console.error(`[hosting] Panel calls are off. ${why}.`);
  const refuse = async (): Promise<never> => {
    throw new HostingPanelError("unavailable", `hosting panel calls are off: ${why}`);
  };
  return {
    name: "off",
    createAccount: refuse,
    accountExists: refuse,
    suspendAccount: refuse,
    unsuspendAccount: refuse,
    terminateAccount: refuse,
    changePackage: refuse,
    changePassword: refuse,
    createSession: refuse,
    getUsage: refuse,
    createMailbox: refuse,
  };
}
