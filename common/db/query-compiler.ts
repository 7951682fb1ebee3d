import { OperatorNode, PostgresQueryCompiler, PrimitiveValueListNode, type BinaryOperationNode } from 'kysely';

/**
 * Kysely's PostgreSQL compiler, with `x in (list of values)` written `x = any($1)`: one array
 * parameter instead of one per value, so a statement's text is the same whatever the list's
 * length. PostgreSQL then parses and plans it once per connection (see `pipelined-postgres.ts`)
 * where each length was a statement of its own, and a list of 50 ids costs it half the CPU.
 */
export class CarrelQueryCompiler extends PostgresQueryCompiler {
  protected override visitBinaryOperation(node: BinaryOperationNode): void {
    const { leftOperand, operator, rightOperand } = node;
    if (OperatorNode.is(operator) && operator.operator === 'in' && PrimitiveValueListNode.is(rightOperand)) {
      this.visitNode(leftOperand);
      this.append(' = any(');
      this.appendValue(rightOperand.values);
      this.append(')');
      return;
    }
    super.visitBinaryOperation(node);
  }
}
