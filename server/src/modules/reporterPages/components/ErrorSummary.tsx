import { usePage } from '../PageContext';

export interface ErrorSummaryItem {
  /** The id of the control to fix, or of the button to press again. */
  target: string;
  message: string;
}

/**
 * The problems of a form at the top of the page, each linking to its field. The page's title
 * starts with "Error:", which screen readers announce as the page loads; the script focuses it.
 */
export function ErrorSummary({ items }: { items: ErrorSummaryItem[] }) {
  const { t } = usePage();
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('formErrors.summaryTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.target + item.message}>
            <a href={`#${item.target}`}>{item.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
