import type { Executor } from "@/db/client";
import { RegistrarError, type Registrar, type RegistrarErrorCode } from "@/lib/registrar/registrar";
import { createSandboxRegistrar } from "@/lib/registrar/sandbox-registrar";

type Method = Exclude<keyof Registrar, "name">;

export type RegistrarCall = { method: Method; args: unknown[] };

export type RegistrarDouble = {
  registrar: Registrar;
  /** Every call made, in order, with its arguments. */
  calls: RegistrarCall[];
  callsOf(method: Method): RegistrarCall[];
  /** The next call of `method` throws a RegistrarError with `code` instead of reaching the registry. */
  refuseNext(method: Method, code: RegistrarErrorCode): void;
  /** Every call of `method` throws `code` until cleared with refuseAlways(method, null). */
  refuseAlways(method: Method, code: RegistrarErrorCode | null): void;
};

/**
 * A registrar for tests that records every call and can refuse on demand, in front of a real
 * registry: the sandbox adapter with its database state, unless `overrides` replaces some methods.
 * Install it with setProviderForTests("registrar", double.registrar).
 */
export function createRegistrarDouble(options: { db?: Executor; overrides?: Partial<Registrar> } = {}): RegistrarDouble {
  const inner: Registrar = { ...createSandboxRegistrar(options.db), ...options.overrides };
  const calls: RegistrarCall[] = [];
  const refuseOnce = new Map<Method, RegistrarErrorCode>();
  const refuseEvery = new Map<Method, RegistrarErrorCode>();

  const registrar = { name: inner.name } as Registrar;
  for (const method of Object.keys(inner).filter((key) => key !== "name") as Method[]) {
    const call = inner[method] as (...args: unknown[]) => Promise<unknown>;
    (registrar as Record<Method, unknown>)[method] = async (...args: unknown[]) => {
      calls.push({ method, args });
      const refusal = refuseOnce.get(method) ?? refuseEvery.get(method);
      refuseOnce.delete(method);
      if (refusal) throw new RegistrarError(refusal, `test double refused ${method}`);
      return call.apply(inner, args);
    };
  }

  return {
    registrar,
    calls,
    callsOf: (method) => calls.filter((entry) => entry.method === method),
    refuseNext: (method, code) => void refuseOnce.set(method, code),
    refuseAlways: (method, code) => void (code ? refuseEvery.set(method, code) : refuseEvery.delete(method)),
  };
}
