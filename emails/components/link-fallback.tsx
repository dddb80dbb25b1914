import type { ReactNode } from "react";
import { Link, Text } from "@react-email/components";
import { textStyles } from "./layout";

/** The button's address written out under a line telling the reader to copy it, for clients that show no button. */
export function LinkFallback({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Text style={textStyles.small}>{children}</Text>
      <Text style={textStyles.small}>
        <Link href={href} style={textStyles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
