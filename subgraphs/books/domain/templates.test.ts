import { renderTemplate, unknownPlaceholders } from './templates';

describe('unknownPlaceholders', () => {
  it('allows the common placeholders everywhere and dueOn on invoices only', () => {
    const text = '{{number}} for {{ contactName }}: {{total}} from {{organizationName}}';
    expect(unknownPlaceholders('ESTIMATE', text)).toEqual([]);
    expect(unknownPlaceholders('INVOICE', `${text}, due {{dueOn}}`)).toEqual([]);
    expect(unknownPlaceholders('SALES_ORDER', 'due {{dueOn}} {{dueOn}} {{amount}}')).toEqual([
      'dueOn',
      'amount',
    ]);
  });

  it('offers a statement its contact, date and receivables, but no number or total', () => {
    expect(
      unknownPlaceholders(
        'STATEMENT',
        '{{organizationName}}: {{contactName}} owes {{outstanding}} less {{unusedCredits}} on {{date}}',
      ),
    ).toEqual([]);
    expect(unknownPlaceholders('STATEMENT', '{{number}} {{total}} {{dueOn}}')).toEqual([
      'number',
      'total',
      'dueOn',
    ]);
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    expect(
      renderTemplate('Invoice {{number}} ({{ total }}) is due on {{dueOn}}', {
        number: 'INV-00012',
        total: '¥48,000',
        dueOn: '2026-11-30',
      }),
    ).toBe('Invoice INV-00012 (¥48,000) is due on 2026-11-30');
  });

  it('refuses to send a placeholder it has no value for', () => {
    expect(() => renderTemplate('Due {{dueOn}}', { number: 'EST-00001' })).toThrow('{{dueOn}}');
  });
});
