import { defineMessages } from './define';

/** Strings of sourced facts (keys "facts."), matchmaking (keys "partners.", "match.") and comparison (keys "compare."). */
export const MATCH_UI = defineMessages(
  {
    'facts.title': 'Из открытых источников',
    'facts.source': 'источник',
    'facts.sourceOf': 'Источник: {host}',
    'facts.otherSources': 'Другие источники',
    'facts.kind.website': 'Сайт',
    'facts.kind.foundedYear': 'Год основания',
    'facts.kind.membersCount': 'Число участников',
    'facts.kind.history': 'История',
    'facts.kind.specialisation': 'Специализация',
    'facts.kind.organisation': 'Специализированная организация',
    'facts.kind.supportProgramme': 'Программа поддержки',
    'facts.kind.anchorMembers': 'Якорные участники',
  },
  {
    'facts.title': 'From public sources',
    'facts.source': 'source',
    'facts.sourceOf': 'Source: {host}',
    'facts.otherSources': 'Other sources',
    'facts.kind.website': 'Website',
    'facts.kind.foundedYear': 'Founded',
    'facts.kind.membersCount': 'Members',
    'facts.kind.history': 'History',
    'facts.kind.specialisation': 'Specialisation',
    'facts.kind.organisation': 'Specialised organisation',
    'facts.kind.supportProgramme': 'Support programme',
    'facts.kind.anchorMembers': 'Anchor members',
  },
);
