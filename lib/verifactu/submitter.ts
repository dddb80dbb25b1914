// The seam between the portal and the AEAT's VERI*FACTU web service (SuministroLR). The real
// adapter (SOAP with the company's certificate) comes later; the sandbox takes every record, so
// the queue, its retries and the "sent" state can be seen end to end.

export type SubmittedRecord = {
  id: number;
  issuerTaxId: string;
  issuerName: string;
  invoiceNumber: string;
  issueDate: string;
  invoiceType: string;
  taxBreakdown: { rateBp: number; base: number; tax: number }[];
  taxTotal: number;
  total: number;
  previousHash: string | null;
  hash: string;
  generatedAt: string;
};

export type SubmissionOutcome = { accepted: number[]; rejected: { id: number; reason: string }[] };

export interface VerifactuSubmitter {
  /** "sandbox" or, later, "aeat". */
  readonly name: string;
  /** The AEAT takes up to 1,000 records per call, in chain order. */
  submit(records: SubmittedRecord[]): Promise<SubmissionOutcome>;
}

export function createSandboxSubmitter(): VerifactuSubmitter {
  return {
    name: "sandbox",
    async submit(records) {
      return { accepted: records.map((record) => record.id), rejected: [] };
    },
  };
}
