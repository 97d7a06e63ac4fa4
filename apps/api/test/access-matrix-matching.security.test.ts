import { describeMatrix, useMatrixWorld } from "./access-matrix";
import { matchingInputs } from "./access-matrix-inputs-matching";

describeMatrix(useMatrixWorld(), matchingInputs);
