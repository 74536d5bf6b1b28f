// The role machines of Alternative 3a, stepped with XState's pure transition through MemoMachine.
import { describe, expect, it } from 'vitest';
import { showTerm } from '../../../src/attacker/Term.ts';
import { MemoMachine, notEnabled } from '../../../src/xstate/MemoMachine.ts';
import type { Receive3a, Send3a } from '../../../models/alt3a/Message3a.ts';
import { newMnoMachine } from '../../../models/alt3a/newMno.ts';
import { oldMnoMachine } from '../../../models/alt3a/oldMno.ts';
import {
  challengeTerm, changeRequestTerm, imsiNew, imsiOld, kiAttacker, kiNew, kiOld, otaCommandTerm, otaIssuer, otaNew, otaReceiptTerm, randNew, randOld,
  responseTerm, transferConfirmTerm, transferRequestTerm, transferTerm,
} from '../../../models/alt3a/terms3a.ts';
import { usimMachine } from '../../../models/alt3a/usim.ts';

const radio = (msg: Receive3a['msg'], from: Receive3a['from'] = 'newMno'): Receive3a => ({ type: 'receive', channel: 'radio', from, msg });
const sent = (memo: MemoMachine<any>, id: number, event: Receive3a | { type: string }): string[] =>
  (memo.emitted(id, event as never) as readonly Send3a[]).map((e) => `${e.channel}>${e.to} ${showTerm(e.msg)}`);
const ctx = (memo: MemoMachine<any>, id: number) => (memo.snapshot(id) as { context: Record<string, unknown> }).context;

describe('USIM', () => {
  const usim = new MemoMachine(usimMachine, { input: { ki: kiOld, imsi: imsiOld, ota: otaIssuer } });
  const start = usim.initial();

  it('answers a challenge whose AUTN is right for its Ki, back to where it came from, and sends traffic under CK', () => {
    const event = radio(challengeTerm(kiOld, randOld), 'oldMno');
    expect(usim.next(start, event)).not.toBe(notEnabled);
    expect(sent(usim, start, event)).toEqual([
      `radio>oldMno ${showTerm(responseTerm(imsiOld, kiOld, randOld))}`,
      'radio>null senc(traffic:old, h(<ki:old, rand:old>))',
    ]);
  });

  it('refuses a challenge under another key, and the same RAND twice', () => {
    expect(usim.next(start, radio(challengeTerm(kiAttacker, randOld)))).toBe(notEnabled);
    const once = usim.next(start, radio(challengeTerm(kiOld, randOld)));
    expect(usim.next(once, radio(challengeTerm(kiOld, randOld)))).toBe(notEnabled);
  });

  it('takes new OTA keys under its current ones, and then obeys only the new keys', () => {
    const rekeyed = usim.next(start, radio(otaCommandTerm(otaIssuer, 'otaKeys', otaNew)));
    expect(sent(usim, start, radio(otaCommandTerm(otaIssuer, 'otaKeys', otaNew)))).toEqual([`radio>newMno ${showTerm(otaReceiptTerm(otaNew, 'otaKeys', otaNew))}`]);
    expect(usim.next(rekeyed, radio(otaCommandTerm(otaIssuer, 'otaKey', kiNew)))).toBe(notEnabled);
    expect(usim.next(rekeyed, radio(otaCommandTerm(otaNew, 'otaKey', kiNew)))).not.toBe(notEnabled);
  });

  it('changes its Ki on an OTA command under its OTA keys and returns a proof of receipt', () => {
    const event = radio(otaCommandTerm(otaIssuer, 'otaKey', kiNew));
    const after = usim.next(start, event);
    expect(showTerm(ctx(usim, after)['ki'] as never)).toBe('ki:new');
    expect(sent(usim, start, event)).toEqual([`radio>newMno ${showTerm(otaReceiptTerm(otaIssuer, 'otaKey', kiNew))}`]);
    expect(usim.next(start, radio(otaCommandTerm(kiAttacker, 'otaKey', kiNew)))).toBe(notEnabled);
  });
});

describe('old MNO', () => {
  const old = new MemoMachine(oldMnoMachine, { input: { protectedTransfer: true } });
  const ops = (msg: Receive3a['msg']): Receive3a => ({ type: 'receive', channel: 'operators', from: 'newMno', msg });

  it('challenges once, transfers IMSI, Ki and OTA keys on request, and releases on confirmation', () => {
    const served = old.next(old.initial(), { type: 'SERVE' });
    expect(old.next(served, { type: 'SERVE' })).toBe(notEnabled);
    expect(old.next(served, { type: 'TRANSFER' })).toBe(notEnabled);
    const asked = old.next(served, ops(transferRequestTerm(imsiOld)));
    expect(sent(old, asked, { type: 'TRANSFER' })).toEqual([`operators>newMno ${showTerm(transferTerm(imsiOld, kiOld, otaIssuer, true))}`]);
    const waiting = old.next(asked, { type: 'TRANSFER' });
    const released = old.next(waiting, ops(transferConfirmTerm(imsiOld)));
    expect(old.snapshot(released).value).toBe('Released');
  });

  it('ignores a request for another IMSI', () => {
    expect(old.next(old.initial(), ops(transferRequestTerm(imsiNew)))).toBe(notEnabled);
  });
});

describe('new MNO', () => {
  const make = (otaKeyChange: boolean) => new MemoMachine(newMnoMachine, { input: { otaKeyChange, imsiChange: false, protectedTransfer: true, otaOwn: null, otaFresh: null } });

  it('asks for the transfer, then changes the key over the air before it challenges with the new key', () => {
    const mno = make(true);
    const contract: Receive3a = { type: 'receive', channel: 'contract', from: 'subscriber', msg: changeRequestTerm(imsiOld) };
    expect(sent(mno, mno.initial(), contract)).toEqual([`operators>oldMno ${showTerm(transferRequestTerm(imsiOld))}`]);
    const waiting = mno.next(mno.initial(), contract);
    const transfer: Receive3a = { type: 'receive', channel: 'operators', from: 'oldMno', msg: transferTerm(imsiOld, kiOld, otaIssuer, true) };
    expect(sent(mno, waiting, transfer)).toEqual([
      `operators>oldMno ${showTerm(transferConfirmTerm(imsiOld))}`,
      `radio>usim ${showTerm(otaCommandTerm(otaIssuer, 'otaKey', kiNew))}`,
    ]);
    const changing = mno.next(waiting, transfer);
    const receipt = radio(otaReceiptTerm(otaIssuer, 'otaKey', kiNew), 'usim');
    expect(sent(mno, changing, receipt)).toEqual([`radio>usim ${showTerm(challengeTerm(kiNew, randNew))}`]);
    const authenticating = mno.next(changing, receipt);
    expect(mno.next(authenticating, radio(responseTerm(imsiOld, kiOld, randNew), 'usim'))).toBe(notEnabled);
    expect(mno.snapshot(mno.next(authenticating, radio(responseTerm(imsiOld, kiNew, randNew), 'usim'))).value).toBe('Serving');
  });

  it('refuses a transfer in clear when the channel is protected', () => {
    const mno = make(false);
    const waiting = mno.next(mno.initial(), { type: 'receive', channel: 'contract', from: 'subscriber', msg: changeRequestTerm(imsiOld) });
    expect(mno.next(waiting, { type: 'receive', channel: 'operators', from: 'oldMno', msg: transferTerm(imsiOld, kiOld, otaIssuer, false) })).toBe(notEnabled);
  });
});
