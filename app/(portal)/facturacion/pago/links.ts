// Where the payment pages send the customer back to (pages owned by the invoices area).
export const INVOICES_HREF = "/facturacion/facturas";
export const invoiceHref = (invoiceId: number) => `/facturacion/facturas/${invoiceId}`;
export const resultHref = (attemptId: number) => `/facturacion/pago/${attemptId}/resultado`;
