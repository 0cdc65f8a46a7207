import type { Category } from '@haven/shared';
import type { ControlProps } from '../../components/Field';
import { usePage } from '../../PageContext';
import { TOPIC_SEPARATOR } from '../../reportForm';

/** Category and subcategory in one choice: each category a group of its subcategories. */
export function TopicSelect({
  categories,
  value,
  control,
}: {
  categories: Category[];
  value: string;
  control: ControlProps;
}) {
  const { t, language } = usePage();
  const name = (
    kind: 'categories' | 'subcategories',
    item: Category | Category['subcategories'][number],
  ) =>
    item.labels?.[language.code] ?? t.ifExists(`${kind}.${item.id}`) ?? item.labels?.en ?? item.id;
  return (
    <select {...control} name="topic" required defaultValue={value}>
      <option value="">{t('report.what.topicChoose')}</option>
      {categories.map((category) => (
        <optgroup key={category.id} label={name('categories', category)}>
          {category.subcategories.length ? (
            category.subcategories.map((subcategory) => (
              <option
                key={subcategory.id}
                value={`${category.id}${TOPIC_SEPARATOR}${subcategory.id}`}
              >
                {name('subcategories', subcategory)}
              </option>
            ))
          ) : (
            <option value={category.id}>{name('categories', category)}</option>
          )}
        </optgroup>
      ))}
    </select>
  );
}
