import { describe, expect, it } from 'vitest'
import {
  associateKey,
  formatRegistration,
  locationKey,
  probablySame,
  registrationKey,
  vehicleKey,
} from '@/lib/domain/places'

describe('recognising the same place, person or vehicle', () => {
  it('the same take-away typed differently', () => {
    const key = locationKey('Kebab King, Station Road')
    expect(locationKey('kebab king station rd')).toBe(key)
    expect(locationKey('The Kebab King  – Station Rd.')).toBe(key)
    expect(locationKey('Kebab King & Grill')).toBe('kebab king and grill')
    expect(locationKey('Kebab King', 'ns4 2ab')).toBe('kebab king|NS42AB')
  })
  it('the same registration with or without spaces, in any case', () => {
    expect(registrationKey('ab12 cde')).toBe('AB12CDE')
    expect(vehicleKey({ registration: 'AB 12 CDE' })).toBe(
      vehicleKey({ registration: 'ab12cde', description: 'silver car' }),
    )
    expect(formatRegistration('ab12cde')).toBe('AB12 CDE')
    expect(formatRegistration('k123 abc')).toBe('K123 ABC')
    expect(vehicleKey({ description: 'White Skoda', taxiFirm: 'Streamline Taxis' })).toBe(
      'desc:white skoda streamline taxis',
    )
  })
  it('the same person, names in either order; descriptions when no name', () => {
    expect(associateKey({ name: 'Jay Smith' })).toBe(associateKey({ name: 'smith, jay' }))
    expect(associateKey({ name: null, description: 'Two older men' })).toBe('name:|desc:two older men')
    // a name alone is not an identity: the same name with another description is another record until a person merges
    // them
    expect(associateKey({ name: 'Jay', description: 'drives a silver car' })).not.toBe(associateKey({ name: 'Jay' }))
  })
  it('suggests merging near-misses, not different places', () => {
    expect(probablySame(locationKey('Kebab King'), locationKey('Kebab King, Station Road', 'NS4 2AB'))).toBe(true)
    expect(probablySame(locationKey('Riverside Park'), locationKey('Riverside Prak'))).toBe(true)
    expect(probablySame(locationKey('Kebab King', 'NS4 2AB'), locationKey('Kebab King', 'EM1 1AA'))).toBe(false)
    expect(probablySame(locationKey('Park Lane'), locationKey('Mark Lane Stores'))).toBe(false)
    expect(probablySame(locationKey('Spar'), locationKey('Star'))).toBe(false)
  })
})

describe('merge suggestions do not pair different places', () => {
  it('different numbers, directions or flats are different places', () => {
    expect(probablySame(locationKey('12 High Street'), locationKey('14 High Street'))).toBe(false)
    expect(probablySame(locationKey('Flat 1, 22 Acacia Avenue'), locationKey('Flat 2, 22 Acacia Avenue'))).toBe(false)
    expect(probablySame(locationKey('Premier Inn North'), locationKey('Premier Inn South'))).toBe(false)
    expect(probablySame(locationKey('14 Canal Street flat 2'), locationKey('14 Canal St, flat 2'))).toBe(true)
  })
})
