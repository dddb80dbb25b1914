import { RegistrarError, type Registrar } from "./registrar";

/**
 * A registrar that registers nothing: what chooseRegistrar installs when the configuration asks for
 * a vendor it cannot reach (REGISTRAR=logicboxes without its keys). Every call answers "registrar
 * unavailable" and logs why, so orders wait rather than pretending a name was registered.
 */
const refusing = new WeakSet<Registrar>();

export function createRefusingRegistrar(name: string, why: string): Registrar {
  console.error(`[registrar] Registrar calls are off. ${why}.`);
  const refuse = async (): Promise<never> => {
    console.error(`[registrar] Call refused. ${why}.`);
    throw new RegistrarError("unavailable", `registrar calls are off: ${why}`);
  };
  const registrar: Registrar = {
    name,
    checkAvailability: refuse,
    register: refuse,
    transfer: refuse,
    renew: refuse,
    getNameservers: refuse,
    saveNameservers: refuse,
    getContacts: refuse,
    saveContacts: refuse,
    getLock: refuse,
    setLock: refuse,
    getEppCode: refuse,
    setIdProtection: refuse,
    listPrivateNameservers: refuse,
    registerPrivateNameserver: refuse,
    modifyPrivateNameserver: refuse,
    deletePrivateNameserver: refuse,
    sync: refuse,
  };
  refusing.add(registrar);
  return registrar;
}

export function isRefusingRegistrar(registrar: Registrar): boolean {
  return refusing.has(registrar);
}
