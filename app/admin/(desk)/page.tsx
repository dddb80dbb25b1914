import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/staff/staff-session";

export default async function StaffHome() {
  await requireStaff();
  redirect("/admin/tickets");
}
