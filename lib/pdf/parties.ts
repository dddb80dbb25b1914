import type { InvoiceClientSnapshot } from "@/db/schema";
import type { PdfParty } from "./components/pdf-parties";
import type { PdfFormatter } from "./pdf-formatter";

type Issuer = { legalName: string; taxId: string; address1: string; city: string; province: string; postcode: string; country: string; email: string; phone: string };

function addressLines(address: { address: string; postcode: string; city: string; province: string; country: string }, f: PdfFormatter): string[] {
  const town = [address.postcode, address.city].filter(Boolean).join(" ");
  // "Madrid, Madrid" says nothing twice: the province is printed only when it differs from the town.
  const region = address.province && address.province !== address.city ? address.province : "";
  return [address.address, [town, region].filter(Boolean).join(", "), f.country(address.country)].filter((line) => line.trim() !== "");
}

export function issuerParty(issuer: Issuer, f: PdfFormatter): PdfParty {
  const { t } = f;
  return {
    heading: t("pdf.parties.issuer"),
    name: issuer.legalName,
    secondaryName: null,
    taxId: { label: t("pdf.parties.taxId"), value: issuer.taxId },
    lines: [
      ...addressLines({ ...issuer, address: issuer.address1 }, f),
      issuer.email ? `${t("pdf.parties.email")}: ${issuer.email}` : "",
      issuer.phone ? `${t("pdf.parties.phone")}: ${issuer.phone}` : "",
    ].filter(Boolean),
  };
}

/** A Spanish client's id is a NIF; anyone else's is the intra-EU VAT number (NIF-IVA) or a foreign tax id. */
export function clientParty(client: InvoiceClientSnapshot, f: PdfFormatter): PdfParty {
  const { t } = f;
  const company = client.companyName?.trim() || null;
  return {
    heading: t("pdf.parties.client"),
    name: company ?? client.name,
    secondaryName: company ? client.name : null,
    taxId: client.taxId ? { label: t(client.country === "ES" ? "pdf.parties.taxId" : "pdf.parties.vatId"), value: client.taxId } : null,
    lines: addressLines(client, f),
  };
}
