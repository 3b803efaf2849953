// The 亩均效益 module's face: what other modules may use (the imports module checks and writes a year's sheet).
export { landSheetReferences } from './repository';
export { notApplicableReason, saveLandFigures } from './service';
