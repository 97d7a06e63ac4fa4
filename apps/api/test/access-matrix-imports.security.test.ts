import { describeMatrix, useMatrixWorld } from "./access-matrix";
import { importInputs } from "./access-matrix-inputs-imports";

describeMatrix(useMatrixWorld(), importInputs);
