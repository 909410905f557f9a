// Search across history (the search index, its catch-up and the queries) as other layers see it.
export { SearchCatchUp } from './search-catch-up.js';
export { SearchIndex } from './search-index.js';
export { SearchService } from './search.service.js';
