'use client'
import { ActionButton } from '@/components/form-kit'
import { approveProtocolAction } from './actions'

export function ApproveButton(props: { protocolId: string; as: 'protocol.agree' | 'protocol.signoff'; label: string }) {
  return <ActionButton label={props.label} run={() => approveProtocolAction(props.protocolId, props.as)} />
}
