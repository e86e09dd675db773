import { AppError } from '../../kernel/errors.ts';

/** The provider could not list transactions. `retryable`: asking again later may succeed. */
export class PaymentProviderError extends AppError {
  readonly code = 'payments.provider_failed';
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message, { retryable });
    this.retryable = retryable;
  }
}
