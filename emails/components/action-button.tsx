import type { ReactNode } from "react";
import { Button, Section } from "@react-email/components";
import { textStyles } from "./layout";

/** The message's call to action. Pair it with LinkFallback: some mail clients do not show buttons. */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={textStyles.button}>
        {children}
      </Button>
    </Section>
  );
}
