// Every test file closes the databases it opened (and drops them on PostgreSQL).
import { afterAll } from 'vitest'
import { closeDatabases } from './database'

afterAll(closeDatabases)
