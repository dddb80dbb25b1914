import { StatusPage } from "@/app/_components/status-page";

// A used, expired or unknown sandbox panel link: a 404 that says why, outside any layout.
export default function SandboxPanelLinkGone() {
  return <StatusPage namespace="hosting.linkGone" as="main" />;
}
