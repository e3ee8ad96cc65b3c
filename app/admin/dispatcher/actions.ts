'use server'
import { z } from 'zod'
import { runAction } from '@/lib/server/action'
import { retryDelivery } from '@/lib/server/outbox'

export async function retryDeliveryAction(input: unknown) {
  return runAction(z.object({ id: z.string().min(1) }), input, (actor, { id }) => retryDelivery(actor, id))
}
