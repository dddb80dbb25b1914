import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { toLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// Inline styles only: many mail clients drop <style> blocks and class names.
const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "0" },
  header: { backgroundColor: "#1e3a5f", borderRadius: "8px 8px 0 0", padding: "20px 32px" },
  company: { color: "#ffffff", fontSize: "18px", fontWeight: 700, margin: 0 },
  content: { padding: "24px 32px 8px" },
  footer: { padding: "0 32px 24px" },
  footerText: { color: "#6b7280", fontSize: "12px", lineHeight: "18px", margin: "4px 0" },
  hr: { borderColor: "#e5e7eb", margin: "16px 32px" },
} as const;

export const textStyles = {
  heading: { color: "#111827", fontSize: "22px", fontWeight: 700, margin: "0 0 16px" },
  paragraph: { color: "#374151", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  small: { color: "#6b7280", fontSize: "13px", lineHeight: "20px", margin: "0 0 16px" },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: "#1d4ed8", fontSize: "13px", wordBreak: "break-all" },
} as const;

export function EmailLayout({ locale, preview, children }: { locale?: string; preview: string; children: ReactNode }) {
  const lang = toLocale(locale);
  const t = translatorFor(lang);
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.company}>{t("email.layout.companyName")}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Hr style={styles.hr} />
          <Section style={styles.footer}>
            <Text style={styles.footerText}>{t("email.layout.security")}</Text>
            <Text style={styles.footerText}>{t("email.layout.automatic")}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
