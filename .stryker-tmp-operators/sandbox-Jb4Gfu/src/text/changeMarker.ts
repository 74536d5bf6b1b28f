// A contribution's change marker ("** start of changes**", "**** End of the Third change ****"): it ends
// whatever clause or list is open, since the text around it is not part of the TR.
export const changeMarker = /^\s*\*[\s*]*\w.*\*\s*$/;
