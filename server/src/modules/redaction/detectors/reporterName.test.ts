import { resolveOverlaps } from '../overlaps';
import { detectReporterName } from './reporterName';

function namesIn(text: string, name: string): string[] {
  return resolveOverlaps(detectReporterName(text, name), text.length).map((found) =>
    text.slice(found.start, found.end),
  );
}

describe("the reporter's name", () => {
  it('when the name recurs in any case or without its accents, then every occurrence is found', () => {
    expect(namesIn('Léa, LEA and lea were tagged.', 'Léa')).toEqual(['Léa', 'LEA', 'lea']);
    expect(namesIn('Ｊｏｓｅ and José', 'jose')).toEqual(['Ｊｏｓｅ', 'José']);
  });

  it('when the name is only the start of a longer word, then it is not found', () => {
    expect(namesIn('Danielle and Daniela are not me; my name is Dan.', 'Dan')).toEqual(['Dan']);
    expect(namesIn("Dan's photos, (Dan), «Dan»", 'Dan')).toEqual(['Dan', 'Dan', 'Dan']);
  });

  it('when a full name is given, then it and its longer parts are found, particles excepted', () => {
    const text = 'Daniel Okafor wrote; Okafor and Daniel replied; van der Berg did not.';
    expect(namesIn(text, 'Daniel Okafor')).toEqual(['Daniel Okafor', 'Okafor', 'Daniel']);
    expect(namesIn('the van was parked', 'Anna van Dijk')).toEqual([]);
  });

  it('when every occurrence is found, then all carry one value: the folded full name', () => {
    const values = detectReporterName('Okafor, DANIEL', 'Daniel Okafor').map(
      (found) => found.value,
    );
    expect(values).toEqual(['daniel okafor', 'daniel okafor']);
  });

  it('when the name is Chinese, then it is found inside text without spaces', () => {
    expect(namesIn('他们在群里骂王芳，还把王芳的照片发出去。', '王芳')).toEqual(['王芳', '王芳']);
  });

  it('when an Arabic name carries joined particles or spelling variants, then it is still found', () => {
    const text = 'كتبوا لأحمد وهددوا احمد، وقالوا إن وبأحمد';
    expect(namesIn(text, 'أحمد')).toEqual(['أحمد', 'احمد', 'أحمد']);
    expect(namesIn('يتصلون بفاطمه كل يوم', 'فاطمة')).toEqual(['فاطمه']);
  });

  it('when an Arabic name is part of a longer word, then it is not found', () => {
    expect(namesIn('قال إن أحمدي ليس اسمي والمحمدية', 'أحمد')).toEqual([]);
  });

  it('when a Russian name is declined, then each case form is found with its ending', () => {
    expect(namesIn('Ивану пишут, Ивана ищут, с Иваном говорят', 'Иван')).toEqual([
      'Ивану',
      'Ивана',
      'Иваном',
    ]);
    expect(namesIn('Аккаунт Анны, письмо Анне, с Анной', 'Анна')).toEqual([
      'Анны',
      'Анне',
      'Анной',
    ]);
    expect(namesIn('Дмитрию угрожают', 'Дмитрий')).toEqual(['Дмитрию']);
    expect(namesIn('Иванов и Иванка', 'Иван')).toEqual([]);
  });

  it('when the name is a single character, then it is not looked for', () => {
    expect(namesIn('伟大的国家', '伟')).toEqual([]);
    expect(namesIn('a b c', 'A')).toEqual([]);
  });
});
