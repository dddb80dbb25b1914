import { StatusPage } from "@/app/_components/status-page";

// Inside the portal layout, whose <main> already surrounds it; app/not-found.tsx serves other paths.
export default function PortalNotFound() {
  return <StatusPage namespace="common.notFound" />;
}
