import type { SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';
import type { NetworkParticipant, NetworkSlot, NetworkSphere } from './assign.js';
import { seedOf } from './random.js';

/** What the profile groups work on: the four SWOT components, or the directions of the vision. */
export type NetworkMode = 'swot' | 'vision';

export const SWOT_COMPONENTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

/** The SWOT components' names, by language. */
export const SWOT_NAMES: Readonly<Record<Locale, Readonly<Record<(typeof SWOT_COMPONENTS)[number], string>>>> = {
  en: { strengths: 'Strengths', weaknesses: 'Weaknesses', opportunities: 'Opportunities', threats: 'Threats' },
  ru: { strengths: 'Сильные стороны', weaknesses: 'Слабые стороны', opportunities: 'Возможности', threats: 'Угрозы' },
  uk: { strengths: 'Сильні сторони', weaknesses: 'Слабкі сторони', opportunities: 'Можливості', threats: 'Загрози' },
};

export function swotSlots(locale: Locale): NetworkSlot[] {
  return SWOT_COMPONENTS.map((id) => ({ id, title: SWOT_NAMES[locale][id] }));
}

/**
 * The spheres of a session with their profile groups' subjects: for a SWOT session the four components in
 * every sphere; for a Vision session the directions — those of the sphere, or, for directions tied to no
 * sphere, the same ones in every sphere.
 */
export function networkSpheres(model: SessionModel, mode: NetworkMode): NetworkSphere[] {
  const locale = model.session.locale;
  const directions = model.vision?.directions ?? [];
  return model.spheres.map((s) => ({
    id: s.id,
    name: s.name,
    slots:
      mode === 'swot'
        ? swotSlots(locale)
        : directions
            .filter((d) => d.sphere === null || d.sphere.id === s.id)
            .map((d) => ({ id: d.id, title: d.title })),
  }));
}

export function networkParticipants(model: SessionModel): NetworkParticipant[] {
  return model.participants.map((p) => ({
    id: p.id,
    name: p.name,
    sphere: p.sphere?.id ?? null,
    affiliation: p.affiliation,
    core: p.core,
    preferences: p.preferences.map((s) => s.id),
  }));
}

/** The seed a session's assignment uses when none is given: from its title and date, stable across builds. */
export function sessionSeed(model: SessionModel): number {
  return seedOf(`${model.session.title}\0${model.session.date}`);
}
