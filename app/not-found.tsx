import { StatusPage } from "@/app/_components/status-page";

// Outside the portal layout: no <main> around it, so it brings its own.
export default function NotFound() {
  return <StatusPage namespace="common.notFound" as="main" />;
}
