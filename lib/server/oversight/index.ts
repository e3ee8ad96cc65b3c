// Oversight of a home (Children's Homes (England) Regulations 2015 regs 43-46), one module per part. Import from the
// module that owns a function; this index is for a caller that needs several parts at once.
export { oversightHomes } from './home'
export { approvingAuthorities, endAppointment, getIndependentPerson, registerIndependentPerson } from './register'
export { addAction, respondToAction } from './visit-actions'
export { amendVisit } from './visit-amendments'
export { addReportVersion, getReportFile, recordReportEvent } from './visit-reports'
export { getVisit, listVisits, recordVisit, visitFormContext } from './visits'
export { recordLocationShare, recordReg45, recordReg46, reg46Context } from './reviews'
export { currentMonth, getOversightMonth, oversightOverview } from './month'
export { visitorChecklist, visitorDashboard } from './checklist'
export { flagMissedVisits } from './flags'
