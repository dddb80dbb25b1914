import { StatusPage } from "@/app/_components/status-page";

// Rendered inside the portal layout (a permission check failed there), whose <main> already surrounds it.
export default function Forbidden() {
  return <StatusPage namespace="common.forbidden" />;
}
