import type { ButtonHTMLAttributes, Ref } from 'react';
import './ui.css';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  ref?: Ref<HTMLButtonElement>;
};

/** The one button of every page; `type` defaults to "button" so no button submits a form by accident. */
export function Button({
  variant = 'default',
  size = 'normal',
  type = 'button',
  className,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      data-variant={variant}
      data-size={size}
      className={className ? `ui-button ${className}` : 'ui-button'}
    />
  );
}

/** A square button holding only a symbol: `label` is what screen readers and the tooltip say. */
export function IconButton({
  label,
  ...rest
}: Omit<ButtonProps, 'aria-label' | 'title'> & { label: string }) {
  return <Button {...rest} aria-label={label} title={label} data-icon="" />;
}
