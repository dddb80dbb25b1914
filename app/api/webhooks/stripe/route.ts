import { receiveStripeWebhook } from "@/lib/payments/stripe-webhook/receive-stripe-webhook";

/**
 * Stripe's deliveries. 200 tells Stripe to stop (done, duplicate, or a permanent mismatch we log);
 * 500 asks it to retry; 400 is a delivery whose signature does not check out.
 */
export async function POST(request: Request): Promise<Response> {
  // The exact bytes Stripe signed, as text: the signature is checked over them, not over parsed JSON.
  const receipt = await receiveStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  switch (receipt.kind) {
    case "handled":
      return Response.json({ received: true, status: receipt.status });
    case "failed":
      return Response.json({ error: "processing_failed" }, { status: 500 });
    case "refused":
      return Response.json({ error: receipt.error }, { status: 400 });
    case "not_configured":
      return Response.json({ error: "not_found" }, { status: 404 });
  }
}
