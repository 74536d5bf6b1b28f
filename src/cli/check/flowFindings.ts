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
};
