import { Entity, PrimaryColumn } from 'typeorm';

/** A department whose agents may link the product to tickets. */
@Entity({ name: 'product_department' })
export class ProductDepartment {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;
}
