// A domain refusal: the command ran and the grid said no (spec §2: ok:false with error.code).

export class Refusal {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export function refuse(code: string, message: string): never {
  throw new Refusal(code, message);
}
