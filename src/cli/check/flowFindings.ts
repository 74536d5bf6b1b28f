// Known findings about the text in the built-in flow scenarios (the threat scenarios keep theirs in
// properties/threats/): scenario/property -> the clauses that leave the gap.
export const flowFindings: Readonly<Record<string, string>> = {
  'change-via-pristine/HonestRunEndsAtGoal':
    'nothing in 5.1.3.7.4.3 updates the DRF, 5.1.3.5.2 makes informing the RO optional and 5.1.3.7.2 leaves the coordinator FFS: ' +
    'the model\'s notice to the DRF (an assumption) races the M2ME\'s new discovery, and when the discovery wins the DRF ' +
    'bootstraps the M2ME towards the old SHO, which never takes the registration',
  'change-via-pristine-no-notice/HonestRunEndsAtGoal':
    'without any notice (5.1.3.7.4.3 has none) the DRF answers the new discovery from its directory, which still names the old SHO: ' +
    'the new SHO\'s MCIM is never provisioned',
  'change-via-old-sho-twice/HonestRunEndsAtGoal':
    '5.1.3.7.4.2 has no rule for a change of operator requested while another is in progress, and the step-2 instruction carries ' +
    'no order or freshness: when the subscriber\'s second instruction (back to the old SHO) reaches the TRE first, the TRE registers ' +
    'at the SHO whose MCIM it already runs, which is still serving and takes no registration; the first instruction then waits for ever',
  'change-via-old-sho-twice-retired-kept/HonestRunEndsAtGoal':
    'as change-via-old-sho-twice/HonestRunEndsAtGoal: 5.1.3.7.4.2 has no rule for a change of operator requested while another is in ' +
    'progress, whatever becomes of the Retired instance',
  'change-via-old-sho-twice-capacity-2/HonestRunEndsAtGoal':
    '5.1.2.2 and 5.1.3.7.2 ("the option to have more than one MCIM stored") name no storage bound and nothing says what a full TRE ' +
    'does; 5.1.3.7.4.2 step 8 only retires the old MCIM (5.1.1.1 Retired: "still instantiated") and no step deletes it: a second ' +
    'change of operator downloads a third instance into a TRE that stores two, and the subscriber\'s choice is never provisioned',
  'change-via-old-sho-twice-capacity-2/ProvisionedMcimNotRefused':
    'the same gap of 5.1.2.2 and 5.1.1.1 seen where it happens: the MCIM the subscriber\'s SHO legitimately issued for the TRE\'s registration is refused ' +
    'because repeated provisioning filled the TRE with Retired instances (cf. memory exhaustion of an eUICC, Meyer, Quaglia and Smyth, FC 2018)',
};
