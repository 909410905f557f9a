// The CSAT feature (the satisfaction survey after a resolve, and its answers) as other layers see it:
// import it through this file only.
export { CsatAnswers } from './csat-answers.js';
export { CsatSettingsService } from './csat-settings.service.js';
export { CsatSurveyService } from './csat-survey.service.js';
export { DEFAULT_TEMPLATE } from './csat-wording.js';
