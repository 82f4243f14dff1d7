import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { invalidField } from '../../../shared/domain/errors.ts';

// OWASP's argon2id parameters: 19 MiB, 2 iterations, 1 lane.
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown e-mail cannot be told from a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

export function isStrongPassword(password: string, userInputs: string[] = []): boolean {
  return strength.check(password, userInputs).score >= 2;
}

/** Refuses common and guessable passwords (zxcvbn score below 2), counting the person's own name and e-mail. */
export function assertStrongPassword(password: string, userInputs: string[] = [], field = 'password'): void {
  const result = strength.check(password, userInputs);
  if (result.score < 2) {
    const hint = result.feedback.warning || 'it is too common or easy to guess';
    throw invalidField(field, `Choose a stronger password: ${hint.replace(/\.$/, '').toLowerCase()}.`);
  }
}
