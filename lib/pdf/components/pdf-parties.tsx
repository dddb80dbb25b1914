import { Text, View } from "@react-pdf/renderer";
import { pdfStyles as s } from "../styles";

export type PdfParty = {
  heading: string;
  name: string;
  /** The person behind a company, shown under the company's name. */
  secondaryName: string | null;
  taxId: { label: string; value: string } | null;
  lines: string[];
};

function PartyBlock({ party }: { party: PdfParty }) {
  return (
    <View style={s.party}>
      <Text style={s.partyHeading}>{party.heading}</Text>
      <Text style={s.partyName}>{party.name}</Text>
      {party.secondaryName ? <Text>{party.secondaryName}</Text> : null}
      {party.taxId ? (
        <Text>
          <Text style={s.muted}>{party.taxId.label}: </Text>
          <Text style={s.bold}>{party.taxId.value}</Text>
        </Text>
      ) : null}
      {party.lines.map((line, index) => (
        <Text key={index}>{line}</Text>
      ))}
    </View>
  );
}

export function PdfParties({ issuer, client }: { issuer: PdfParty; client: PdfParty }) {
  return (
    <View style={s.parties} wrap={false}>
      <PartyBlock party={issuer} />
      <View style={s.partyGap} />
      <PartyBlock party={client} />
    </View>
  );
}
