'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { recordStepDone, recordTold } from '@/lib/server/episode-protocol'
import { approveProtocol, createProtocolVersion } from '@/lib/server/missing-protocols'
import { protocolSchema, stepDoneSchema, toldSchema } from '@/lib/validation/missing-protocols'

export async function createProtocolAction(childId: string, input: unknown) {
  return runAction(protocolSchema, input, (actor, protocol) =>
    createProtocolVersion(actor, recordId(childId, 'child'), protocol),
  )
}
export async function approveProtocolAction(protocolId: string, as: 'protocol.agree' | 'protocol.signoff') {
  return runAction(z.object({}), {}, (actor) =>
    approveProtocol(actor, recordId(protocolId, 'missing protocol'), as === 'protocol.agree' ? as : 'protocol.signoff'),
  )
}
export async function stepDoneAction(episodeId: string, input: unknown) {
  return runAction(stepDoneSchema, input, (actor, step) => recordStepDone(actor, recordId(episodeId, 'episode'), step))
}
export async function toldAction(episodeId: string, input: unknown) {
  return runAction(toldSchema, input, (actor, told) => recordTold(actor, recordId(episodeId, 'episode'), told))
}
