// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot } from '../support/preact-root';

// `#i18n` is a WXT virtual module; stand in a stub that returns the key itself. The UI language is switchable.
const ui = vi.hoisted(() => ({ zh: true }));
vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  tn: (key: string, n: number, subs?: unknown[]) => `${key}(${(subs ?? [n]).join(',')})`,
  isZh: () => ui.zh,
}));

import { Tooltip } from '../../src/ui/page/Tooltip';
import { SelectionToolbar } from '../../src/ui/page/SelectionToolbar';
import { placeBox } from '../../src/ui/page/position';
import { PAGE_UI_CSS } from '../../src/ui/page/styles';

const getRoot = preactRoot();

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('Tooltip', () => {
  it('renders a note containing markup as text, creating no element', () => {
    act(() => {
      render(
        <Tooltip
          subject={{ kind: 'user', annotation: { id: 'a1', exact: `引文${HOSTILE}`, note: HOSTILE, tags: ['<b>tag</b>'], color: 'yellow' } }}
          x={100}
          y={100}
          onClose={() => {}}
        />,
        getRoot(),
      );
    });
    expect(getRoot().querySelector('img')).toBeNull();
    expect(getRoot().querySelector('b')).toBeNull();
    expect(getRoot().querySelector('.gl-note')?.textContent).toBe(HOSTILE);
    expect(getRoot().querySelector('.gl-quote')?.textContent).toBe(`引文${HOSTILE}`);
    expect(getRoot().querySelector('.gl-tag')?.textContent).toBe('<b>tag</b>');
  });

  it('calls onClose on Escape and not on other keys', () => {
    const onClose = vi.fn();
    act(() => {
      render(<Tooltip subject={{ kind: 'pledge', pledge: { text: '新增城镇就业1200万人以上', kind: 'target', area: [] } }} x={10} y={10} onClose={onClose} />, getRoot());
    });
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(onClose).not.toHaveBeenCalled();
    act(() => {
      getRoot().querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('uses role tooltip for a figure and dialog for cards with actions', () => {
    act(() => {
      render(
        <Tooltip
          subject={{ kind: 'figure', figure: { text: '640亿元', kind: 'amount', value: 6.4e10, unit: '元', target: false, subject: '财政收入' } }}
          x={10}
          y={10}
          onClose={() => {}}
        />,
        getRoot(),
      );
    });
    const card = getRoot().querySelector('.gl-card')!;
    expect(card.getAttribute('role')).toBe('tooltip');
    expect(card.getAttribute('aria-live')).toBe('polite');
    expect(card.textContent).toContain('财政收入');
    act(() => {
      render(<Tooltip subject={{ kind: 'term', term: { text: '新质生产力', key: '新质生产力', definition: null, source: 'none' } }} x={10} y={10} onClose={() => {}} />, getRoot());
    });
    expect(getRoot().querySelector('.gl-card')!.getAttribute('role')).toBe('dialog');
  });

  it('shows the plain-words value of a figure in 亿 when the UI speaks Chinese', () => {
    act(() => {
      render(
        <Tooltip
          subject={{ kind: 'figure', figure: { text: '六百四十亿元', kind: 'amount', value: 6.4e10, unit: '元', target: true } }}
          x={10}
          y={10}
          onClose={() => {}}
        />,
        getRoot(),
      );
    });
    expect(getRoot().querySelector('.gl-plain')?.textContent).toBe('= 640亿元');
    expect(getRoot().querySelector('.gl-kicker')?.textContent).toContain('figure.target');
  });

  it('shows a date figure as the date, with no value line', () => {
    for (const zh of [true, false]) {
      ui.zh = zh;
      act(() => {
        render(<Tooltip subject={{ kind: 'figure', figure: { text: '2024年', kind: 'date', value: 2024, unit: '年', target: false } }} x={10} y={10} onClose={() => {}} />, getRoot());
      });
      expect(getRoot().querySelector('.gl-plain')).toBeNull();
      expect(getRoot().querySelector('.gl-card')!.textContent).not.toContain('thousand');
    }
    ui.zh = true;
  });

  const corridor = {
    text: '西部陆海新通道',
    key: '西部陆海新通道',
    definition: '以重庆等西部省份为枢纽、经广西北部湾港出海的国际物流通道。',
    source: 'builtin' as const,
    en: 'New International Land-Sea Trade Corridor',
    gloss: "A trade route linking China's western provinces by rail and sea to Southeast Asia.",
    since: 2019,
    firstDoc: '《西部陆海新通道总体规划》',
  };

  it('in the English UI, shows a term’s English name and gloss first, then the Chinese explanation', () => {
    ui.zh = false;
    try {
      act(() => {
        render(<Tooltip subject={{ kind: 'term', term: corridor }} x={10} y={10} onClose={() => {}} />, getRoot());
      });
      const text = getRoot().querySelector('.gl-card')!.textContent!;
      const at = (s: string) => text.indexOf(s);
      expect(at(corridor.en)).toBeGreaterThan(at('西部陆海新通道'));
      expect(at(corridor.gloss)).toBeGreaterThan(at(corridor.en));
      expect(at(corridor.definition)).toBeGreaterThan(at(corridor.gloss));
      expect(getRoot().querySelector('.gl-en')!.getAttribute('lang')).toBe('en');
      expect(text).toContain('term.since: 2019 · 《西部陆海新通道总体规划》');
    } finally {
      ui.zh = true;
    }
  });

  it('in the Chinese UI, shows the Chinese explanation first, the English name after it', () => {
    act(() => {
      render(<Tooltip subject={{ kind: 'term', term: corridor }} x={10} y={10} onClose={() => {}} />, getRoot());
    });
    const text = getRoot().querySelector('.gl-card')!.textContent!;
    expect(text.indexOf(corridor.definition)).toBeGreaterThan(0);
    expect(text.indexOf(`term.en: ${corridor.en}`)).toBeGreaterThan(text.indexOf(corridor.definition));
    expect(text).not.toContain(corridor.gloss);
    expect(text).toContain('term.since: 2019年 · 《西部陆海新通道总体规划》');
  });

  it('on a programme name marked whole, shows the explanations of the known terms inside it, as text', () => {
    const term = {
      text: '培育发展未来产业三年行动',
      key: '培育发展未来产业三年行动',
      definition: null,
      source: 'none' as const,
      parts: [{ text: '未来产业', definition: `由前沿技术驱动的产业${HOSTILE}` }],
    };
    act(() => {
      render(<Tooltip subject={{ kind: 'term', term }} x={10} y={10} onClose={() => {}} />, getRoot());
    });
    const parts = getRoot().querySelector('.gl-parts')!;
    expect(parts.textContent).toBe(`term.parts未来产业：由前沿技术驱动的产业${HOSTILE}`);
    expect(parts.querySelector('img')).toBeNull();
    // The name itself still has no explanation: the reader can add one.
    expect(getRoot().querySelector('.gl-card')!.textContent).toContain('term.none');
  });

  it('lets the reader add an explanation to a term that has none', () => {
    const onSave = vi.fn();
    act(() => {
      render(
        <Tooltip
          subject={{ kind: 'term', term: { text: '“两重”', key: '两重', definition: null, source: 'none' } }}
          x={10}
          y={10}
          onClose={() => {}}
          onSaveDefinition={onSave}
        />,
        getRoot(),
      );
    });
    expect(getRoot().textContent).toContain('term.none');
    act(() => {
      [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'term.add')!.click();
    });
    const textarea = getRoot().querySelector('textarea')!;
    act(() => {
      textarea.value = '国家重大战略实施和重点领域安全能力建设';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      getRoot().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith('两重', '国家重大战略实施和重点领域安全能力建设');
  });

  it('offers undo for a repair and accept/dismiss for a suggestion', () => {
    const onUndo = vi.fn();
    act(() => {
      render(
        <Tooltip subject={{ kind: 'repair', repair: { before: '經濟', after: '经济', kind: 'traditional', confidence: 0.93 } }} x={0} y={0} onClose={() => {}} onUndo={onUndo} />,
        getRoot(),
      );
    });
    expect(getRoot().querySelector('.gl-before')?.textContent).toBe('經濟');
    expect(getRoot().textContent).toContain('93%');
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'repair.undo')!.click());
    expect(onUndo).toHaveBeenCalledTimes(1);

    const onAccept = vi.fn();
    const onDismiss = vi.fn();
    act(() => {
      render(
        <Tooltip
          subject={{ kind: 'suggestion', repair: { before: '庞大', after: '巨大', kind: 'spun', confidence: 0.4 } }}
          x={0}
          y={0}
          onClose={() => {}}
          onAccept={onAccept}
          onDismiss={onDismiss}
        />,
        getRoot(),
      );
    });
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'repair.accept')!.click());
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'repair.dismiss')!.click());
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe('SelectionToolbar', () => {
  it('highlights in the clicked colour', () => {
    const onHighlight = vi.fn();
    act(() => {
      render(<SelectionToolbar x={50} y={50} onHighlight={onHighlight} onSaveNote={() => {}} onClose={() => {}} />, getRoot());
    });
    act(() => getRoot().querySelector<HTMLButtonElement>('[aria-label="color.green"]')!.click());
    expect(onHighlight).toHaveBeenCalledWith('green');
  });

  it('saves a note with tags split on Chinese and Latin commas', () => {
    const onSaveNote = vi.fn();
    act(() => {
      render(<SelectionToolbar x={50} y={50} onHighlight={() => {}} onSaveNote={onSaveNote} onClose={() => {}} />, getRoot());
    });
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'toolbar.note')!.click());
    const note = getRoot().querySelector('textarea')!;
    const tags = getRoot().querySelector<HTMLInputElement>('input[type=text]')!;
    act(() => {
      note.value = '  对比去年  ';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      tags.value = '就业，民生, 就业';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      getRoot().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSaveNote).toHaveBeenCalledWith({ note: '对比去年', tags: ['就业', '民生'], color: 'yellow' });
  });
});

describe('placeBox', () => {
  const view = { width: 800, height: 600 };
  const box = { width: 300, height: 120 };
  it('goes below the anchor when there is room', () => {
    expect(placeBox({ x: 400, y: 100, top: 80 }, box, view)).toEqual({ left: 250, top: 106, side: 'below' });
  });
  it('flips above near the bottom of the viewport', () => {
    const p = placeBox({ x: 400, y: 560, top: 540 }, box, view);
    expect(p.side).toBe('above');
    expect(p.top).toBe(540 - 6 - 120);
  });
  it('clamps horizontally at both edges', () => {
    expect(placeBox({ x: 5, y: 100 }, box, view).left).toBe(8);
    expect(placeBox({ x: 795, y: 100 }, box, view).left).toBe(800 - 8 - 300);
  });
});

describe('pledge card', () => {
  it('shows the kind, the nearest heading of its area, the due year, the figure\'s direction and a Save button', () => {
    const onSave = vi.fn();
    const pledge = { text: '城镇调查失业率5.5%左右', kind: 'target' as const, area: ['二、对今年政府工作的建议', '主要预期目标'], dueYear: 2023, direction: 'ceiling' as const, figure: { text: '5.5%左右', value: 5.5, unit: '%', kind: 'percent' as const } };
    act(() => render(<Tooltip subject={{ kind: 'pledge', pledge }} x={10} y={10} onClose={() => {}} onSavePledge={onSave} />, getRoot()));
    const text = getRoot().textContent!;
    expect(text).toContain('tip.title.pledge · pledge.kind.target');
    expect(text).toContain('pledge.area: 主要预期目标');
    expect(getRoot().querySelector('[title="二、对今年政府工作的建议 › 主要预期目标"]')).not.toBeNull();
    expect(text).toContain('pledge.due: 2023');
    expect(text).toContain('pledge.figure: 5.5%左右 (pledge.direction.ceiling)');
    act(() => getRoot().querySelector<HTMLButtonElement>('.gl-btn--primary')!.click());
    expect(onSave).toHaveBeenCalledTimes(1);
    // Once saved, the card says so instead of offering Save again.
    act(() => render(<Tooltip subject={{ kind: 'pledge', pledge: { ...pledge, savedId: 'x' } }} x={10} y={10} onClose={() => {}} onSavePledge={onSave} />, getRoot()));
    expect(getRoot().querySelector('.gl-btn--primary')).toBeNull();
    expect(getRoot().textContent).toContain('pledge.saved');
  });
});

describe('PAGE_UI_CSS', () => {
  it('styles every class the components use', () => {
    for (const cls of ['gl-card', 'gl-toolbar', 'gl-close', 'gl-btn', 'gl-swatch', 'gl-input', 'gl-note', 'gl-before', 'gl-after']) {
      expect(PAGE_UI_CSS).toContain(`.${cls}`);
    }
  });
});

describe('keyboard use', () => {
  it('moves focus to the first action when opened from the keyboard', async () => {
    act(() => {
      render(<Tooltip subject={{ kind: 'pledge', pledge: { text: '粮食产量1.3万亿斤以上', kind: 'target', area: [] } }} x={10} y={10} onClose={() => {}} onSavePledge={() => {}} autoFocus />, getRoot());
    });
    // Focus moves once the card is placed (next frame): hidden elements refuse focus.
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(document.activeElement?.textContent).toBe('pledge.save');
  });

  it('keeps the page selection when a toolbar button is pressed', () => {
    act(() => {
      render(<SelectionToolbar x={50} y={50} onHighlight={() => {}} onSaveNote={() => {}} onClose={() => {}} />, getRoot());
    });
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    getRoot().querySelector<HTMLButtonElement>('[aria-label="color.yellow"]')!.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });
});
