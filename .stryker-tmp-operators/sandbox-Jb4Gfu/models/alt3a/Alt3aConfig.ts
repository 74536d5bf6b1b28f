// Scenario configuration of Alternative 3a: counter-measure switches, assumptions and the attacker. User input is
// checked and resolved into a complete config here and only here, with the defaults documented below.
import { z } from 'zod';

/** Counter-measures of 003 7.1.2.3.1.3 that the model makes mechanisms (catalogue ids, properties/catalogue/alternative3a.ts). */
export const switches3a = {
  'a3a.t2.cm1': 'the new MNO changes the subscriber key over the air after the transfer (threat 2 cm 8)',
  'a3a.t2.cm2': 'the new MNO changes the IMSI over the air after the transfer (threat 2 cm 9)',
  'a3a.t4.cm1': 'the keys go between the operators over a protected channel (threat 4 cm 7, "well defined and secure"; the editor\'s note on monitoring)',
  'a3a.t4.cm3': 'the new MNO replaces the card\'s OTA keys, a USIM parameter the old MNO set, with its own before any other OTA change (threat 4 cm 9; a3a.f9)',
} as const;
export type Switch3a = keyof typeof switches3a;
export const switchIds3a = Object.keys(switches3a) as Switch3a[];

/** Capabilities, each named after the threat of 7.1.2.3.1.3 it serves. */
export const capabilities3a = {
  'a3a.eavesdrop': 'listens to the radio interface (and the OTA bearer over it) and keeps what it hears (threats 2 and 3: eavesdropping, recording)',
  'a3a.falseBaseStation': 'runs a false base station: sends challenges and OTA commands to the USIM (threat 2)',
  'a3a.masquerade': 'answers the new MNO\'s challenges as the user (threat 2)',
  'a3a.refuse': 'the old MNO may refuse to transfer the subscriber (threat 1)',
  'a3a.monitor': 'monitors the interaction between the old and the new MNO (the editor\'s note of 7.1.2.3.1.2)',
  'a3a.faults': 'loses one message of the transfer or of an OTA change (threat 4)',
} as const;
export type Capability3a = keyof typeof capabilities3a;
const capabilityIds3a = Object.keys(capabilities3a) as [Capability3a, ...Capability3a[]];

export const insiders3a = ['oldMno', 'newMno'] as const;
export type Insider3a = (typeof insiders3a)[number];

export const MAX_INJECTIONS_3A = 3;

export const alt3aInputSchema = z
  .object({
    name: z.string().min(1).optional(),
    off: z.array(z.enum(switchIds3a as [Switch3a, ...Switch3a[]])).describe('counter-measures switched off').optional(),
    assumptions: z
      .object({
        /** a3a.f6: who holds the card's OTA keys. No seed says; the card's issuer (the old MNO) by default. */
        otaKeys: z.enum(['issuer', 'new-mno']).optional(),
      })
      .strict()
      .optional(),
    attacker: z
      .object({
        insider: z.enum(insiders3a).nullable().optional(),
        capabilities: z.array(z.enum(capabilityIds3a)).optional(),
        injections: z.number().int().min(0).max(MAX_INJECTIONS_3A).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Alt3aInput = z.input<typeof alt3aInputSchema>;

export interface Alt3aConfig {
  readonly name: string;
  /** Sorted, without duplicates. */
  readonly off: readonly Switch3a[];
  readonly assumptions: { readonly otaKeys: 'issuer' | 'new-mno' };
  readonly attacker: { readonly insider: Insider3a | null; readonly capabilities: readonly Capability3a[]; readonly injections: number };
}

/** Defaults: name "a3a", every counter-measure on, OTA keys with the issuer, no attacker (injections 1 once an
 *  injecting capability is named). */
export function resolveAlt3a(input: unknown): { ok: true; config: Alt3aConfig } | { ok: false; message: string } {
  const parsed = alt3aInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.map(String).join('.') || 'configuration'}: ${issue.message}` };
  }
  const i = parsed.data;
  const capabilities = [...new Set(i.attacker?.capabilities ?? [])].sort();
  const injects = capabilities.includes('a3a.falseBaseStation') || capabilities.includes('a3a.masquerade');
  return {
    ok: true,
    config: {
      name: i.name ?? 'a3a',
      off: [...new Set(i.off ?? [])].sort(),
      assumptions: { otaKeys: i.assumptions?.otaKeys ?? 'issuer' },
      attacker: { insider: i.attacker?.insider ?? null, capabilities, injections: i.attacker?.injections ?? (injects ? 1 : 0) },
    },
  };
}

export const isOn = (config: Alt3aConfig, id: Switch3a): boolean => !config.off.includes(id);
export const hasCapability = (config: Alt3aConfig, c: Capability3a): boolean => config.attacker.capabilities.includes(c);
