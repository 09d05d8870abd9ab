// The names of regions and académies are cloud-common's (the backend's
// French CSV exports spell them the same way).
export { placeName, type TranslatedPlace } from '@amue/plugin-cloud-common';
