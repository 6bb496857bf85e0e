import { describe, expect, it } from 'vitest';
import {
  cleanSourceText,
  editDistance,
  neutraliseLine,
  neutraliseTerminal,
  normaliseAnswer,
  plainLabel,
  stripEmoji,
} from '../../src/core/text.js';
import { hasMojibake, repairMojibake } from '../../src/core/mojibake.js';

describe('repairMojibake', () => {
  it.each([
    ['Core Responsibilities ðŸŽ¯', 'Core Responsibilities 🎯'],
    ['the productâ€™s direction', 'the product’s direction'],
    ['ðŸ‘ˆ Previous', '👈 Previous'],
    ['Next ðŸ‘‰', 'Next 👉'],
    ['cafÃ© crÃ¨me', 'café crème'],
  ])('repairs %j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it.each(['café crème', 'naïve façade', 'Ã alone', '£5 or €5', 'plain ASCII'])('leaves real text alone: %j', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('reports mojibake for lint', () => {
    expect(hasMojibake('Goal ðŸŽ¯')).toBe(true);
    expect(hasMojibake('Goal 🎯')).toBe(false);
  });
});

describe('cleanSourceText', () => {
  it('drops a byte-order mark and normalises CRLF and lone CR', () => {
    expect(cleanSourceText('\ufeff---\r\ntitle: x\r\n---\rbody')).toBe('---\ntitle: x\n---\nbody');
  });
});

describe('neutraliseTerminal', () => {
  it.each([
    ['OSC 52 clipboard write', 'a\u001b]52;c;ZXZpbA==\u0007b', 'ab'],
    ['title change ended by ST', 'a\u001b]0;owned\u001b\\b', 'ab'],
    ['screen clear and cursor home', 'a\u001b[2J\u001b[Hb', 'ab'],
    ['bell and backspace', 'a\u0007\u0008b', 'ab'],
    ['C1 CSI', 'a\u009b31mb', 'ab'],
    ['bidi override', 'a\u202eb\u2066c', 'abc'],
    ['carriage return overwrite', 'safe\rEVIL', 'safeEVIL'],
  ])('removes %s', (_name, input, expected) => {
    expect(neutraliseTerminal(input)).toBe(expected);
  });

  it('keeps newlines, turns tabs into spaces and keeps emoji', () => {
    expect(neutraliseTerminal('a\n\tb 🎯')).toBe('a\n    b 🎯');
  });

  it('puts a line on one line', () => {
    expect(neutraliseLine('a\nb')).toBe('a b');
  });
});

describe('labels and answers', () => {
  it.each([
    ['1. Setting Product Vision and Strategy', 'Setting Product Vision and Strategy'],
    ['**Roadmapping**', 'Roadmapping'],
    ['Execution 🛠️', 'Execution'],
    ['User Research and Feedback 🕵️♀️', 'User Research and Feedback'],
    ['Step 2: `Discovery`', 'Discovery'],
  ])('plainLabel(%j)', (input, expected) => {
    expect(plainLabel(input)).toBe(expected);
  });

  it('normalises case, accents, punctuation and emoji', () => {
    expect(normaliseAnswer('  Data-Driven Décisions! 📊 ')).toBe('data driven decisions');
  });

  it('strips emoji including joiners and variation selectors', () => {
    expect(stripEmoji('Act 🤹‍♀️ now 🗺️')).toBe('Act  now ');
  });

  it('measures edit distance as typos count, a swap of neighbours being one edit, bounded', () => {
    expect(editDistance('roadmap', 'raodmap')).toBe(1);
    expect(editDistance('raodmap', 'roadmap', 2)).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});
