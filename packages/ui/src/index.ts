import './theme.css';

export { Button, buttonClassName, type ButtonProps, type ButtonVariant } from './Button';
export { Card, type CardProps } from './Card';
export { CheckboxGroup, type CheckboxGroupProps, type CheckboxOption } from './CheckboxGroup';
export { DetailList, type DetailItem } from './DetailList';
export { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary';
export { EmptyState, Loading, type EmptyStateProps } from './Feedback';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { SelectField, type SelectFieldProps, type SelectOption } from './SelectField';
export { StageBadge, Tag, type BadgeTone, type StageBadgeProps } from './StageBadge';
export { StatusDot, type Status, type StatusDotProps } from './StatusDot';
export { Table, type TableColumn, type TableProps } from './Table';
export { TextAreaField, type TextAreaFieldProps } from './TextAreaField';
export { TextField, type TextFieldProps } from './TextField';
