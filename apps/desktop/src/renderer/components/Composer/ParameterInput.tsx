import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateParameter } from '@switchboard/shared';
import { dateInputType, dateInputValue, joinCurrency, splitCurrency } from './template-form';

type Props = {
  parameter: TemplateParameter;
  value: string;
  onChange: (value: string) => void;
  /** The id of the inline error shown beside it, when there is one. */
  errorId: string | undefined;
};

/** Every currency the browser knows (ISO 4217), offered as the code's suggestions. */
function useCurrencyCodes(): string[] {
  return useMemo(() => Intl.supportedValuesOf('currency'), []);
}

/** The input a parameter's type calls for: a date(-time) picker, an amount with its currency, or text. */
export function ParameterInput({ parameter, value, onChange, errorId }: Props) {
  const { t } = useTranslation('composer');
  const id = `param-${parameter.name}`;
  const common = { id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': errorId } as const;
  if (parameter.type === 'date_time') {
    const type = dateInputType(parameter);
    return (
      <input
        {...common}
        className="input"
        type={type}
        value={dateInputValue(type, value)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (parameter.type === 'currency') return <CurrencyInput {...{ parameter, value, onChange, common }} />;
  return (
    <input
      {...common}
      className="input"
      inputMode={parameter.type === 'number' ? 'decimal' : undefined}
      placeholder={parameter.type === 'number' ? t('templates.numberPlaceholder') : parameter.example}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function CurrencyInput({
  parameter,
  value,
  onChange,
  common,
}: Omit<Props, 'errorId'> & { common: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string } }) {
  const { t } = useTranslation('composer');
  const codes = useCurrencyCodes();
  const [parts, setParts] = useState(() => splitCurrency(value, parameter.example));
  const update = (next: { amount: string; code: string }) => {
    setParts(next);
    onChange(joinCurrency(next.amount, next.code));
  };
  const listId = `${common.id}-codes`;
  return (
    <div className="currency-input">
      <input
        {...common}
        className="input"
        type="number"
        min="0"
        step="0.001"
        aria-label={t('templates.amount')}
        value={parts.amount}
        onChange={(e) => update({ ...parts, amount: e.target.value })}
      />
      <input
        id={`${common.id}-currency`}
        className="input currency-code"
        aria-label={t('templates.currency')}
        list={listId}
        maxLength={3}
        value={parts.code}
        onChange={(e) => update({ ...parts, code: e.target.value.toUpperCase() })}
      />
      <datalist id={listId}>
        {codes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
    </div>
  );
}
