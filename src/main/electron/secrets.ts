/**
 * The secret store over Electron's safeStorage: the unlocked signing key may be remembered only
 * where the operating system really protects it (DPAPI on Windows, the keychain on macOS, a
 * desktop secret service on Linux) — never on Linux's `basic_text` backend, which only obscures it.
 */
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../services/ports';

/** A secret store over `safeStorage` (undefined where Electron has none, as under a test's fake). */
export function electronSecrets(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'> | undefined, platform = process.platform): SecretStore {
  const available = () => {
    if (!safeStorage?.isEncryptionAvailable()) return false;
    // getSelectedStorageBackend exists on Linux only; elsewhere the backend is the OS's own.
    return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  };
  return {
    available,
    protect(secret) {
      if (!available() || !safeStorage) throw new Error('no protected storage on this machine');
      return safeStorage.encryptString(secret.toString('base64'));
    },
    unprotect(sealed) {
      if (!available() || !safeStorage) throw new Error('no protected storage on this machine');
      return Buffer.from(safeStorage.decryptString(sealed), 'base64');
    },
  };
}
