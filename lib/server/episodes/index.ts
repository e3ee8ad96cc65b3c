// Missing episodes: report, follow on a timeline, record the return, correct by amendment, review and close.
// One import path for pages, handlers and tests; each concept lives in its own module beside this one.
export { amendEpisode } from './amend'
export { closeEpisode } from './close'
export { addEpisodeUpdate, linkEpisodes, recordReturn, reportMissing } from './report'
export {
  CURRENT_EPISODES_SHOWN,
  currentEpisodes,
  getEpisode,
  getEpisodeForPage,
  listChildEpisodes,
  wentWithCandidates,
} from './view'
export { undoWentWith } from './went-with'
